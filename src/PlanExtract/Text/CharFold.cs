using System.Text;

namespace PlanExtract.Text;

/// <summary>
/// Folds look-alike characters one for one, so offsets in the folded text are offsets in the
/// original: full-width ASCII to ASCII, the ideographic space to a space, Kangxi radicals and
/// CJK compatibility ideographs to the ideograph they stand for (PDF text layers map 女 to ⼥),
/// and a few traditional characters that slip into simplified plans to their simplified form.
/// </summary>
public static class CharFold
{
    public static string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>
    /// Only the script: traditional characters and radicals to the simplified ideograph, punctuation
    /// and digits as written. Domain names and indicator ids are simplified so tables line up
    /// whichever script a plan was written in ("兒童與健康" files under 儿童与健康).
    /// </summary>
    public static string ToSimplified(string text)
    {
        // Plans are written in simplified script: most names come back unchanged, and uncopied.
        var first = 0;
        while (first < text.Length && SimplifiedTable[text[first]] == text[first])
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = SimplifiedTable[source[i]];
            }
        });
    }

    public static char Fold(char c) => FoldTable[c];

    /// <summary>The rules of <see cref="Fold(char)"/>, run once per char into <see cref="FoldTable"/>.</summary>
    private static char FoldOne(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        if (c == '\u3000' || c == '\u00A0')
        {
            return ' ';
        }

        if (c is '\uFE52' or '\u2024')
        {
            // The small full stop of "1﹒" item labels.
            return '.';
        }

        if (c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF')
        {
            return RadicalsToIdeographs.TryGetValue(c, out var ideograph) ? ideograph : c;
        }

        return TraditionalToSimplified.TryGetValue(c, out var simple) ? simple : c;
    }

    // Kangxi radicals, CJK radicals supplement and compatibility ideographs, each with the ideograph
    // NFKC names for it. A table, not string.Normalize: with invariant globalization .NET does not
    // apply these compatibility mappings.
    private static readonly Dictionary<char, char> RadicalsToIdeographs = Pairs(
        "⺟母⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戶⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠豈豈更更車車賈賈滑滑串串句句龜龜龜龜契契金金喇喇奈奈懶懶癩癩羅羅蘿蘿螺螺裸裸邏邏樂樂洛洛烙烙珞珞落落酪酪駱駱亂亂卵卵欄欄爛爛蘭蘭鸞鸞嵐嵐濫濫藍藍襤襤拉拉臘臘蠟蠟廊廊朗朗浪浪狼狼郎郎來來冷冷勞勞擄擄櫓櫓爐爐盧盧老老蘆蘆虜虜路路露露魯魯鷺鷺碌碌祿祿綠綠菉菉錄錄鹿鹿論論壟壟弄弄籠籠聾聾牢牢磊磊賂賂雷雷壘壘屢屢樓樓淚淚漏漏累累縷縷陋陋勒勒肋肋凜凜凌凌稜稜綾綾菱菱陵陵讀讀拏拏樂樂諾諾丹丹寧寧怒怒率率異異北北磻磻便便復復不不泌泌數數索索參參塞塞省省葉葉說說殺殺辰辰沈沈拾拾若若掠掠略略亮亮兩兩凉凉梁梁糧糧良良諒諒量量勵勵呂呂女女廬廬旅旅濾濾礪礪閭閭驪驪麗麗黎黎力力曆曆歷歷轢轢年年憐憐戀戀撚撚漣漣煉煉璉璉秊秊練練聯聯輦輦蓮蓮連連鍊鍊列列劣劣咽咽烈烈裂裂說說廉廉念念捻捻殮殮簾簾獵獵令令囹囹寧寧嶺嶺怜怜玲玲瑩瑩羚羚聆聆鈴鈴零零靈靈領領例例禮禮醴醴隸隸惡惡了了僚僚寮寮尿尿料料樂樂燎燎療療蓼蓼遼遼龍龍暈暈阮阮劉劉杻杻柳柳流流溜溜琉琉留留硫硫紐紐類類六六戮戮陸陸倫倫崙崙淪淪輪輪律律慄慄栗栗率率隆隆利利吏吏履履易易李李梨梨泥泥理理痢痢罹罹裏裏裡裡里里離離匿匿溺溺吝吝燐燐璘璘藺藺隣隣鱗鱗麟麟林林淋淋臨臨立立笠笠粒粒狀狀炙炙識識什什茶茶刺刺切切度度拓拓糖糖宅宅洞洞暴暴輻輻行行降降見見廓廓兀兀嗀嗀塚塚晴晴凞凞猪猪益益礼礼神神祥祥福福靖靖精精羽羽蘒蘒諸諸逸逸都都飯飯飼飼館館鶴鶴郞郞隷隷侮侮僧僧免免勉勉勤勤卑卑喝喝嘆嘆器器塀塀墨墨層層屮屮悔悔慨慨憎憎懲懲敏敏既既暑暑梅梅海海渚渚漢漢煮煮爫爫琢琢碑碑社社祉祉祈祈祐祐祖祖祝祝禍禍禎禎穀穀突突節節練練縉縉繁繁署署者者臭臭艹艹艹艹著著褐褐視視謁謁謹謹賓賓贈贈辶辶逸逸難難響響頻頻恵恵𤋮𤋮舘舘並並况况全全侀侀充充冀冀勇勇勺勺喝喝啕啕喙喙嗢嗢塚塚墳墳奄奄奔奔婢婢嬨嬨廒廒廙廙彩彩徭徭惘惘慎慎愈愈憎憎慠慠懲懲戴戴揄揄搜搜摒摒敖敖晴晴朗朗望望杖杖歹歹殺殺流流滛滛滋滋漢漢瀞瀞煮煮瞧瞧爵爵犯犯猪猪瑱瑱甆甆画画瘝瘝瘟瘟益益盛盛直直睊睊着着磌磌窱窱節節类类絛絛練練缾缾者者荒荒華華蝹蝹襁襁覆覆視視調調諸諸請請謁謁諾諾諭諭謹謹變變贈贈輸輸遲遲醙醙鉶鉶陼陼難難靖靖韛韛響響頋頋頻頻鬒鬒龜龜𢡊𢡊𢡄𢡄𣏕𣏕㮝㮝䀘䀘䀹䀹𥉉𥉉𥳐𥳐𧻓𧻓齃齃龎龎");

    // The traditional forms seen in mainland plan conversions; a plan is written in simplified
    // characters, so these are slips, not content.
    private static readonly Dictionary<char, char> TraditionalToSimplified = Pairs(
        "戶户兒儿慶庆殘残廳厅縣县鎮镇區区範范圍围歲岁齡龄臨临擴扩峽峡轄辖並并併并滬沪蘇苏贛赣閩闽魯鲁豫豫滇滇黔黔遼辽吉吉龍龙陝陕甘甘寧宁青青疆疆藏藏瓊琼臺台灣湾港港澳澳廣广惡恶聯联優优勢势縮缩減减損损貿贸倉仓儲储識识習习慣惯準准則则傷伤險险災灾禍祸術术設设創创評评價价測测驗验審审訴诉訟讼罪罪懲惩矯矫違违規规婚婚姻姻戀恋離离婦妇嬰婴孕孕產产殖殖瘤瘤癌癌腫肿瘍疡艾艾滋滋梅梅乙乙肝肝篩筛檢检查查診诊療疗藥药醫医護护針针劑剂營营餐餐飲饮購购買买賣卖貸贷幣币債债稅税費费款款額额補补償偿賠赔罰罚獎奖勵励懸悬殊殊資资產产權权贈赠據据證证照照屬属檔档據据紀纪錄录編编輯辑譯译報报導导廣广播播聞闻網网頁页載载銷销鋪铺鐵铁銅铜鋼钢錫锡鎖锁鏈链閱阅讀读寫写緒绪慮虑憂忧憤愤慚惭懷怀願愿態态戀恋擁拥擔担據据攜携擊击擠挤擴扩擾扰攝摄敘叙斂敛斷断暫暂曉晓曠旷檢检歡欢歸归殼壳毀毁氣气漲涨潔洁澤泽濟济瀏浏災灾烏乌煙烟熱热爾尔牽牵獄狱獲获瑩莹璣玑畢毕異异盜盗監监碼码確确禦御禪禅種种穩稳窮穷竊窃競竞筆笔築筑簽签籌筹納纳紐纽紗纱紮扎純纯紙纸級级紛纷紡纺線线組组細细終终絡络給给統统絲丝綁绑經经綱纲網网綴缀維维緊紧緝缉締缔緩缓總总縱纵繁繁繪绘織织繳缴羅罗義义習习聖圣聞闻聯联聰聪職职膽胆臉脸臨临舉举艙舱蘭兰處处號号蟲虫衛卫衝冲補补裝装複复襲袭覆覆見见規规視视親亲覺觉觀观觸触訂订訊讯託托記记訪访設设許许診诊詞词試试詳详誌志認认誤误說说課课調调談谈請请諸诸謂谓謹谨證证識识譜谱議议護护讓让貫贯貧贫責责貼贴賀贺資资賓宾賦赋質质賴赖購购贏赢趙赵趨趋跡迹踐践躍跃軟软輕轻輔辅輪轮辦办農农這这連连週周進进運运過过達达違违遠远適适遞递遷迁選选遺遗邊边郵邮鄉乡醫医釋释鈴铃鋼钢錄录鍵键鎮镇鐘钟門门閃闪開开閒闲間间閘闸關关陣阵陰阴陳陈陸陆隊队階阶際际隨随險险雙双雜杂雞鸡離离電电靜静頁页項项順顺須须預预頓顿領领頭头頻频題题額额顏颜願愿類类顧顾飛飞養养館馆驗验體体髮发鬥斗鬧闹魚鱼鳥鸟麼么黨党點点齊齐婦妇兒儿學学體体醫医療疗衛卫產产嬰婴幣币數数據据統统計计劃划標标準准質质點点區区縣县鄉乡鎮镇環环護护務务會会們们這这對对於于與与為为發发實实現现機机構构關关愛爱權权歲岁齡龄養养顧顾職职業业資资級级勞劳動动經经濟济導导達达萬万個个內内穩稳減减維维進进驗验檢检測测蓋盖傳传癥症預预險险傷伤殘残協协調调網网絡络設设備备層层員员參参選选舉举議议農农場场廠厂營营飲饮費费價价貧贫難难幫帮專专項项門门線线電电話话視视聽听讀读寫写課课題题師师範范園园邊边遠远運运輸输車车軌轨遊游戲戏樂乐藝艺術术書书館馆廣广東东陽阳陰阴溫温濕湿氣气燈灯熱热災灾滅灭遷迁擇择誤误說说語语詞词認认識识證证憑凭歷历曆历後后裡里隻只夠够幾几複复復复係系製制鐘钟鍾钟臺台檯台週周衝冲餘余總总規规則则監监辦办處处結结組组織织紀纪憲宪條条屬属號号簡简單单倆俩兩两雙双壓压縮缩鬆松緊紧純纯細细紅红綠绿藍蓝黃黄報报紙纸張张億亿隊队團团軍军戰战爭争聯联黨党觀观問问應应該该須须確确創创錄录採采購购買买賣卖貨货銀银錢钱財财稅税補补貼贴獎奖勵励懲惩罰罚戶户遺遗棄弃離离齊齐稱称腦脑臟脏膽胆齒齿鏡镜頭头顏颜髮发無无鍛锻煉炼饑饥餓饿飯饭麵面蔥葱雞鸡魚鱼鳥鸟馬马驢驴龍龙龜龟閉闭開开間间聞闻節节築筑藥药隨随訪访診诊斷断種种積积極极樣样樹树橋桥壞坏塊块牆墙壩坝將将尋寻島岛嶺岭峽峡歸归殺杀漢汉滿满濱滨灣湾爐炉牽牵獨独獲获瑪玛畫画當当癢痒盡尽盤盘眾众睜睁礎础禮礼禍祸窮穷競竞筆笔糧粮約约紛纷紡纺終终絕绝給给絲丝綜综綱纲緣缘編编練练績绩繩绳續续罷罢聖圣聲声膚肤舊旧艱艰蘇苏虛虚蟲虫裝装覺觉親亲覽览訓训託托記记許许詢询試试詳详誠诚誌志論论諮咨謀谋講讲謝谢讓让豐丰貝贝負负貢贡責责貴贵貸贷賓宾賢贤贊赞趕赶趨趋跡迹踐践躍跃較较載载輔辅輕轻輩辈轉转辭辞連连過过違违適适遲迟還还鄰邻醜丑釋释鑒鉴鑑鉴長长閒闲陳陈陸陆階阶際际隱隐雜杂雲云靈灵靜静響响頂顶順顺領领頻频顯显風风飛飞飽饱驚惊髒脏鬥斗鬧闹鮮鲜麗丽");

    // Every char's folded and simplified form, looked up once per char of every line and clause
    // (two dictionary probes each before; issue 18). After the maps they are made from.
    private static readonly char[] FoldTable = Table(FoldOne);

    private static readonly char[] SimplifiedTable = Table(static c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF'
        ? RadicalsToIdeographs.GetValueOrDefault(c, c)
        : TraditionalToSimplified.GetValueOrDefault(c, c));

    private static char[] Table(Func<char, char> map)
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = map((char)c);
        }

        return table;
    }

    private static Dictionary<char, char> Pairs(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            if (pairs[i] != pairs[i + 1])
            {
                map[pairs[i]] = pairs[i + 1];
            }
        }

        return map;
    }
}
