using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.QueryParsers.Classic;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// The user's text turned into classic query syntax the parser cannot choke on. What the user
/// clearly meant as syntax stays syntax: a pair of quotes, balanced brackets, AND/OR/NOT between
/// words, a known <c>field:</c>, a numeric range on <c>value</c> or <c>year</c>. Everything else
/// is read as the literal text it is: the corpus writes its units as <c>8/10万</c>, so a slash is
/// text, not the start of a regular expression.
/// </summary>
/// <remarks>
/// Regular expressions (<c>/…/</c>), fuzzy terms (<c>托育~</c>), boosts (<c>^</c>) and leading
/// wildcards are never syntax: <c>/.*托.{30}/</c> ran for minutes at 2.8 GB and <c>托育~</c>
/// matched 458 items. A trailing <c>*</c> after two or more Latin letters or digits stays a prefix.
/// </remarks>
internal static partial class QuerySyntax
{
    /// <summary>Longer queries are refused: the longest plan goal is about 200 characters, and a pasted page is not a query.</summary>
    internal const int MaxLength = 500;

    /// <summary>The fields a query may name (<c>section:goal</c>); the contract's hit keys.</summary>
    internal static readonly string[] Fields =
    [
        IndexSchema.Text, IndexSchema.District, IndexSchema.City, IndexSchema.Province, IndexSchema.Domain,
        IndexSchema.Indicator, IndexSchema.IndicatorId, IndexSchema.Plan, IndexSchema.Section, IndexSchema.Kind,
        IndexSchema.Item, IndexSchema.Value, IndexSchema.Unit, IndexSchema.Comparator, IndexSchema.Year, IndexSchema.Source,
        IndexSchema.Line, IndexSchema.Page,
    ];

    /// <summary>Fields whose ranges compare numbers (<c>value:[5 TO 10]</c>).</summary>
    internal static bool IsNumeric(string field) => field is IndexSchema.Value or IndexSchema.Year;

    private enum Kind
    {
        Operand,
        Operator,
        Open,
        Close,
    }

    /// <param name="Word">The word as typed, for a plain word (no field, sign, quotes or wildcard).</param>
    private sealed record Part(Kind Kind, string Text, string? Word = null);

    /// <summary>The query as safe classic syntax; <see cref="QueryException"/> when it cannot be read.</summary>
    public static RewrittenQuery Rewrite(string text)
    {
        var clean = Clean(text);
        if (clean.Length > MaxLength)
        {
            throw new QueryException($"the query is {clean.Length} characters long; keep it under {MaxLength}");
        }

        var quotes = PairedQuotes(clean);
        var bracketsBalanced = Balanced(clean, quotes);
        var parts = new List<Part>();
        var i = 0;
        while (i < clean.Length)
        {
            var c = clean[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                i = quotes.TryGetValue(i, out var close) ? Phrase(clean, i, close, parts, prefix: string.Empty) : i + 1;
            }
            else if (bracketsBalanced && c == '(')
            {
                parts.Add(new Part(Kind.Open, "("));
                i++;
            }
            else if (bracketsBalanced && c == ')')
            {
                parts.Add(new Part(Kind.Close, ")"));
                i++;
            }
            else
            {
                i = Word(clean, i, quotes, bracketsBalanced, parts);
            }
        }

        parts = Tidy(parts);
        var plain = parts.Count > 0 && parts.All(p => p.Word is not null);
        return new RewrittenQuery(
            string.Join(" ", parts.Select(p => p.Text)),
            plain,
            plain ? [.. parts.Select(p => p.Word!)] : []);
    }

    /// <summary>Every special character escaped and operators lower-cased: the last resort, all text.</summary>
    public static string Literal(string text) =>
        string.Join(" ", Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Operators().IsMatch(w) ? w.ToLowerInvariant() : QueryParserBase.Escape(w)));

    // Zero-width and direction marks (format characters) and control characters are invisible in
    // what the user copied; they would split a word in two. Chinese quotes are quotes.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(category == UnicodeCategory.Control ? ' ' : c is '“' or '”' ? '"' : CharFold.Fold(c));
        }

        return builder.ToString().Trim();
    }

    // Quotes pair left to right; an odd last one is text.
    private static Dictionary<int, int> PairedQuotes(string text)
    {
        var pairs = new Dictionary<int, int>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

            if (open < 0)
            {
                open = i;
            }
            else
            {
                pairs[open] = i;
                open = -1;
            }
        }

        return pairs;
    }

    private static bool Balanced(string text, Dictionary<int, int> quotes)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (quotes.TryGetValue(i, out var close))
            {
                i = close;
                continue;
            }

            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static int Phrase(string text, int open, int close, List<Part> parts, string prefix)
    {
        var inside = text[(open + 1)..close];
        if (inside.Trim().Length > 0)
        {
            parts.Add(new Part(Kind.Operand, prefix + "\"" + QueryParserBase.Escape(inside) + "\""));
        }

        return close + 1;
    }

    private static int Word(string text, int start, Dictionary<int, int> quotes, bool bracketsBalanced, List<Part> parts)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"' && !(bracketsBalanced && text[end] is '(' or ')'))
        {
            end++;
        }

        var word = text[start..end];
        if (Operators().IsMatch(word))
        {
            parts.Add(new Part(Kind.Operator, word is "&&" ? "AND" : word is "||" ? "OR" : word));
            return end;
        }

        // A leading + or - (required, excluded) stays; inside a word (2021-2030) it is text.
        var sign = word.Length > 1 && word[0] is '+' or '-' ? word[..1] : string.Empty;
        var body = word[sign.Length..];
        var field = FieldPrefix().Match(body);
        if (!field.Success)
        {
            if (body.Length > 0)
            {
                var term = Term(body);
                parts.Add(new Part(Kind.Operand, sign + term, sign.Length == 0 && !term.EndsWith('*') ? body : null));
            }

            return end;
        }

        var name = field.Groups[1].Value.ToLowerInvariant();
        if (!Fields.Contains(name))
        {
            throw new QueryException($"the query names an unknown field '{field.Groups[1].Value}:'; fields are {string.Join(", ", Fields)} (put the words in quotes to search them as text)");
        }

        var value = body[field.Length..];
        var prefix = sign + name + ":";
        if (value.Length == 0)
        {
            // domain:"妇女与健康" or section:(goal OR measure): the value follows.
            if (end < text.Length && text[end] == '"' && quotes.TryGetValue(end, out var close))
            {
                return Phrase(text, end, close, parts, prefix);
            }

            if (bracketsBalanced && end < text.Length && text[end] == '(')
            {
                parts.Add(new Part(Kind.Open, prefix + "("));
                return end + 1;
            }

            throw new QueryException($"'{name}:' needs a value after it, as in {name}:{Example(name)}");
        }

        if (value[0] is '[' or '{')
        {
            return Range(text, start + sign.Length + field.Length, name, prefix, parts);
        }

        parts.Add(new Part(Kind.Operand, prefix + Term(value)));
        return end;
    }

    // value:[5 TO 10], year:{2020 TO *]: numbers only, on the numeric fields only.
    private static int Range(string text, int open, string field, string prefix, List<Part> parts)
    {
        var close = text.IndexOfAny([']', '}'], open);
        var range = close < 0 ? null : RangeSyntax().Match(text[open..(close + 1)]);
        if (range is null || !range.Success || !IsNumeric(field)
            || !IsBound(range.Groups[2].Value) || !IsBound(range.Groups[3].Value))
        {
            throw new QueryException($"a range is written {IndexSchema.Value}:[5 TO 10] or {IndexSchema.Year}:[2025 TO 2030], with numbers; other fields take words");
        }

        parts.Add(new Part(Kind.Operand, prefix + range.Value));
        return close + 1;
    }

    private static bool IsBound(string bound) => bound == "*" || double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Example(string field) => field switch
    {
        IndexSchema.Section => "goal",
        IndexSchema.Plan => "women",
        IndexSchema.Kind => "target",
        IndexSchema.Value => "8",
        IndexSchema.Year => "2025",
        _ => "健康",
    };

    // A term with every special character escaped, but for a trailing * after Latin letters or
    // digits (a prefix the index can expand cheaply).
    private static string Term(string word)
    {
        var prefix = PrefixWildcard().Match(word);
        return prefix.Success ? QueryParserBase.Escape(prefix.Groups[1].Value) + "*" : QueryParserBase.Escape(word);
    }

    // An operator with nothing on one side ("乳腺癌 AND") and empty brackets are dropped, so the
    // parser never sees a dangling piece of syntax.
    private static List<Part> Tidy(List<Part> parts)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < parts.Count; i++)
            {
                var previous = i > 0 ? parts[i - 1] : null;
                var next = i + 1 < parts.Count ? parts[i + 1] : null;
                var part = parts[i];
                var dangling = part.Kind == Kind.Operator
                    && (next is null || next.Kind is Kind.Close or Kind.Operator && next.Text != "NOT"
                        || (part.Text != "NOT" && (previous is null || previous.Kind is Kind.Open or Kind.Operator)));
                var empty = part.Kind == Kind.Open && next?.Kind == Kind.Close;
                if (dangling)
                {
                    parts.RemoveAt(i);
                    changed = true;
                }
                else if (empty)
                {
                    parts.RemoveRange(i, 2);
                    changed = true;
                }
            }
        }

        return parts;
    }

    [GeneratedRegex(@"^(?:AND|OR|NOT|&&|\|\|)$")]
    private static partial Regex Operators();

    [GeneratedRegex(@"^([A-Za-z_]+):")]
    private static partial Regex FieldPrefix();

    [GeneratedRegex(@"^[\[{]\s*(([^\s\]}]+)\s+TO\s+([^\s\]}]+))\s*[\]}]$")]
    private static partial Regex RangeSyntax();

    [GeneratedRegex(@"^([A-Za-z0-9]{2,})\*$")]
    private static partial Regex PrefixWildcard();
}

/// <param name="Syntax">Classic query syntax the parser accepts.</param>
/// <param name="Plain">Only words were typed: no quotes, operators, fields, brackets or wildcards.</param>
/// <param name="Chunks">The words as typed (space-separated), when plain.</param>
internal sealed record RewrittenQuery(string Syntax, bool Plain, IReadOnlyList<string> Chunks);
