namespace PlanExtract.Text;

/// <summary>
/// The grammar's words, once: every rule's [GeneratedRegex] is composed from these fragments, so two
/// rules cannot drift apart on what a counter, a bound word or a verb is. Each fragment is a regex
/// alternation without a group of its own; wrap it as <c>(?:…)</c> where it is used.
/// </summary>
public static class Vocabulary
{
    /// <summary>Arabic number as plans print it, spaces allowed around the point: 8, 3.0, 1. 12.</summary>
    public const string ArabicNumber = @"\d+(?:\s*\.\s*\d+)?";

    /// <summary>One Chinese numeral character that counts (一所, 两个, 十五分钟).</summary>
    public const string ChineseDigit = "[一二两三四五六七八九十百]";

    /// <summary>Counters a Chinese numeral takes: 一所, 两名, 每天一小时, 每年一次.</summary>
    public const string Counters = "个百分点|平方米|场次|个|所|名|张|间|小时|分钟|次|倍|项|家|支|处|课时|公里";

    /// <summary>Counters of things (not of time or distance): 儿童友好乡村不少于10个, 建设“梦想小屋”120间.</summary>
    public const string ThingCounters = "场次|个|所|名|张|间|家|支|处|项";

    /// <summary>Units an Arabic number takes, longest first: 8/10万, 10万人次, 1.12名.</summary>
    public const string Units = @"%|‰|/\s*10\s*万\s*(?:活产数?)?|/\s*万|个百分点|平方米|个|所|名|张|间|场次|人次|人|小时|分钟|次|倍|项|家|支|处|课时|公里|岁|万平方米|万人次|万人|万元|万|元|年|天";

    /// <summary>Bound words after a value; they decide over the verb (保持在90%以上 is ≥).</summary>
    public const string BoundAfter = "及以上|及以下|以上|以下|以内|左右";

    /// <summary>At least: 至少配备1名, 不少于2次.</summary>
    public const string AtLeast = "至少|不少于|不低于|不小于";

    /// <summary>At most.</summary>
    public const string AtMost = "不超过|不高于|不大于";

    /// <summary>Verbs (and signs) binding an indicator to its value, longest first: 达到并保持在, 下降到, 控制在, ≥.</summary>
    public const string ValueVerbs = "达到并保持在|达到并稳定在|保持并巩固在|下降到|下降至|降低到|降低至|降至|降到|减少到|减少至|减至|控制在|保持在|稳定在|巩固在|维持在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|上升到|上升至|达到|达|"
        + AtLeast + "|" + AtMost + "|低于|高于|超过|至少|实现|≤|≥|<|>";

    /// <summary>Adverbs that belong to a value verb: 均达到, 分别降至, 逐步提高到.</summary>
    public const string VerbAdverbs = "均|分别|都|逐步|力争|基本|稳定|持续|年均|平均|要|总体";

    /// <summary>Directions stated without a number: 逐步提高, 持续下降.</summary>
    public const string UpVerbs = "提高|提升|增加|增长|延长|上升|扩大";

    public const string DownVerbs = "下降|降低|减少|缩小";

    /// <summary>Verbs that build or staff something counted: 建设1所, 配备1名, 设立1个以上.</summary>
    public const string BuildVerbs = "建设|建成|新建|新增|设立|设置|配备|配置|打造|培育|建立|创建|明确|开展|培育或孵化|掌握|设";


    /// <summary>
    /// The parts a plan counts of itself, never a thing it builds: 《妇女发展规划》共设8个领域，提出80项主要目标.
    /// </summary>
    public const string PlanParts = "领域|优先发展领域|发展领域|主要目标|策略措施|主要措施|支持性指标|指标|重点任务|任务|重点项目|重点工程|实事项目|方面";

    /// <summary>
    /// Verbs that open a named thing and then its count (全区建成母婴室65家以上), compound verbs first:
    /// 新建改扩建普惠托育机构10家, 增建…工作站8家, 开办“爱心暑托班”250个, 开展…进社区500场次.
    /// </summary>
    public const string CountedBuildVerbs = "新建改扩建|新改扩建|改扩建|新建|建成|建设|增建|新增|创建|打造|培训|培养|开办|开展";

    /// <summary>Who a rate is of, at the front of a name: 孕产妇, 5岁以下儿童, 女童.</summary>
    public const string PopulationWords = "孕产妇|新生儿|婴幼儿|婴儿|儿童|中小学生|中小學生|小学生|初中生|学生|妇女|女性|女童|女生";

    /// <summary>The heads that make a phrase a measurable quantity: …率, …比例, …人数.</summary>
    public const string MeasureHeads = "率|比例|比重|占比|人数|数量|(?<!指)数|寿命|年限|增幅";

    /// <summary>
    /// Heads that name no quantity on their own (覆盖率 of what?): an indicator that is only one of
    /// these takes its subject from the clause or the item's lead sentence.
    /// </summary>
    public const string GenericHeads = "覆盖率|比例|占比|比重|普及率|达标率|参与率|知晓率|合格率|完成率|建成率|建立率|达标|率";

    /// <summary>
    /// Verbs and prepositions that start an action, never a quantity's name: 探索按照每5000个家庭…,
    /// 推进…, 鼓励…. A phrase starting with one is not an indicator.
    /// </summary>
    public const string LeadingVerbs = "探索|按照|依照|参照|推进|推动|鼓励|支持|加强|加快|开展|实施|落实|引导|指导|依托|通过|围绕|坚持|完善|健全|深化|强化|促进|提高|提升|保障|保证|确保|实现|建立|建设|建成|设立|配备|配置|组织|积极|大力|全面|不断|进一步|继续|努力|力争|争取|对|为|把|将|向|从|由";

    /// <summary>Scope and time words in front of an indicator that are not part of it: 全市, 到2030年, 力争.</summary>
    public const string LeadingScope = @"全市|全区|全县|全省|全国|全镇|我市|我区|我县|本市|本区|本县|城乡|每年|(?:(?:力争)?到)?\s*20\d\d\s*年(?:底|末)?|力争|确保|争取|努力|并且|并|其中|且|同时|推动|促进|使|保障|保证|以及|逐步|实现|开展";

    /// <summary>Characters that end a phrase: an indicator never crosses them.</summary>
    public const string PhraseStops = ",，:：;；。";

    /// <summary>Characters that end a sentence: a commitment never crosses them.</summary>
    public const string SentenceStops = "。；;！？!?";

    /// <summary>
    /// An item number glued to the text it numbers: 5.各级领导班子…, 10.居委会…, （2）, ⒈. Never a
    /// decimal (8.5岁 is a number) and never an age (5岁).
    /// </summary>
    public const string ItemNumber = @"\d{1,2}\s*(?:[.．](?!\s*\d)|、)|[(（]\s*\d{1,2}\s*[)）]|[⒈-⒛]";

}
