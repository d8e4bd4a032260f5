namespace Orchestrator.Templating.Conditions;

/// <summary>
/// Recursive-descent parser for conditions, with Jinja's precedence, lowest first:
/// <c>or</c>, <c>and</c>, <c>not</c>, comparisons (<c>== != &lt; &lt;= &gt; &gt;= in</c>, <c>not in</c>, chained as
/// in Python), then postfix <c>| filter</c> and <c>is [not] test</c>, unary minus, and primaries with
/// <c>.member</c> and <c>[index]</c>. So <c>not a and b or c</c> is <c>((not a) and b) or c</c> and
/// <c>not x is defined</c> is <c>not (x is defined)</c>.
/// </summary>
internal sealed class ConditionParser
{
    private static readonly HashSet<string> Reserved = new(["and", "or", "not", "in", "is"], StringComparer.Ordinal);

    private readonly List<ConditionToken> tokens;
    private int position;

    private ConditionParser(List<ConditionToken> tokens) => this.tokens = tokens;

    private ConditionToken Current => tokens[position];

    /// <summary>Parses <c>text[start..end]</c>; offsets in the tree are offsets in <paramref name="text"/>.</summary>
    public static Expr Parse(string text, int start, int end)
    {
        var parser = new ConditionParser(ConditionTokenizer.Tokenize(text, start, end));
        if (parser.Current.Kind == ConditionTokenKind.End)
        {
            throw new ConditionFailure(start, "the condition is empty");
        }

        var expression = parser.ParseOr();
        return parser.Current.Kind == ConditionTokenKind.End ? expression : throw parser.Unexpected();
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            var offset = Advance().Offset;
            left = new LogicalExpr(offset, LogicalOperator.Or, left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("and"))
        {
            var offset = Advance().Offset;
            left = new LogicalExpr(offset, LogicalOperator.And, left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsKeyword("not"))
        {
            var offset = Advance().Offset;
            return new NotExpr(offset, ParseNot());
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParsePostfix();
        Expr? chain = null;
        while (TryComparisonOperator(out var op, out var offset))
        {
            var right = ParsePostfix();
            var comparison = new CompareExpr(offset, op, left, right);
            chain = chain is null ? comparison : new LogicalExpr(offset, LogicalOperator.And, chain, comparison);
            left = right;
        }

        return chain ?? left;
    }

    private bool TryComparisonOperator(out CompareOperator op, out int offset)
    {
        offset = Current.Offset;
        op = Current switch
        {
            { Kind: ConditionTokenKind.Symbol, Text: "==" } => CompareOperator.Equal,
            { Kind: ConditionTokenKind.Symbol, Text: "!=" } => CompareOperator.NotEqual,
            { Kind: ConditionTokenKind.Symbol, Text: "<" } => CompareOperator.Less,
            { Kind: ConditionTokenKind.Symbol, Text: "<=" } => CompareOperator.LessOrEqual,
            { Kind: ConditionTokenKind.Symbol, Text: ">" } => CompareOperator.Greater,
            { Kind: ConditionTokenKind.Symbol, Text: ">=" } => CompareOperator.GreaterOrEqual,
            { Kind: ConditionTokenKind.Name, Text: "in" } => CompareOperator.In,
            { Kind: ConditionTokenKind.Name, Text: "not" } when tokens[position + 1].IsKeyword("in") => CompareOperator.NotIn,
            _ => (CompareOperator)(-1),
        };
        if (op < 0)
        {
            return false;
        }

        position += op == CompareOperator.NotIn ? 2 : 1;
        return true;
    }

    private Expr ParsePostfix()
    {
        var target = ParseUnary();
        while (true)
        {
            if (Current.Is("|"))
            {
                var offset = Advance().Offset;
                var name = ExpectName("a filter name after '|'");
                var arguments = Current.Is("(") ? ParseArguments() : [];
                ConditionFilters.CheckUsage(name, arguments.Count);
                target = new FilterExpr(offset, target, name.Text, arguments);
            }
            else if (Current.IsKeyword("is"))
            {
                var offset = Advance().Offset;
                var negated = Current.IsKeyword("not") && Advance() is not null;
                var name = ExpectName("a test name after 'is' (defined, none, changed, failed, succeeded, skipped...)");
                if (!ConditionTests.IsKnown(name.Text))
                {
                    throw new ConditionFailure(name.Offset, $"unknown test '{name.Text}' (known: {string.Join(", ", ConditionTests.Names)})");
                }

                target = new TestExpr(offset, target, name.Text, negated);
            }
            else
            {
                return target;
            }
        }
    }

    private Expr ParseUnary()
    {
        if (Current.Is("-"))
        {
            var offset = Advance().Offset;
            return new NegateExpr(offset, ParseUnary());
        }

        var target = ParsePrimary();
        while (true)
        {
            if (Current.Is("."))
            {
                Advance();
                var member = Current.Kind is ConditionTokenKind.Name or ConditionTokenKind.Number
                    ? Advance()
                    : throw new ConditionFailure(Current.Offset, $"expected a name after '.', found {Describe(Current)}");
                target = new MemberExpr(member.Offset, target, member.Text);
            }
            else if (Current.Is("["))
            {
                var offset = Advance().Offset;
                var index = ParseOr();
                Expect("]");
                target = index is LiteralExpr { Value: string key } ? new MemberExpr(offset, target, key) : new IndexExpr(offset, target, index);
            }
            else
            {
                return target;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ConditionTokenKind.Number or ConditionTokenKind.String:
                Advance();
                return new LiteralExpr(token.Offset, token.Value);
            case ConditionTokenKind.Name when Reserved.Contains(token.Text):
                throw Unexpected();
            case ConditionTokenKind.Name:
                Advance();
                return token.Text switch
                {
                    "true" or "True" => new LiteralExpr(token.Offset, true),
                    "false" or "False" => new LiteralExpr(token.Offset, false),
                    "none" or "None" or "null" => new LiteralExpr(token.Offset, null),
                    _ => new NameExpr(token.Offset, token.Text),
                };
            case ConditionTokenKind.Symbol when token.Text == "(":
                Advance();
                var inner = ParseOr();
                Expect(")");
                return inner;
            case ConditionTokenKind.Symbol when token.Text == "[":
                Advance();
                var items = ParseItems("]");
                return new ListExpr(token.Offset, items);
            default:
                throw new ConditionFailure(token.Offset, $"expected a value, found {Describe(token)}");
        }
    }

    private List<Expr> ParseArguments()
    {
        Expect("(");
        return ParseItems(")");
    }

    /// <summary>Comma-separated expressions up to <paramref name="close"/> (consumed); a trailing comma is allowed.</summary>
    private List<Expr> ParseItems(string close)
    {
        var items = new List<Expr>();
        while (!Current.Is(close))
        {
            items.Add(ParseOr());
            if (!Current.Is(","))
            {
                break;
            }

            Advance();
        }

        Expect(close);
        return items;
    }

    private ConditionToken ExpectName(string what) =>
        Current.Kind == ConditionTokenKind.Name ? Advance() : throw new ConditionFailure(Current.Offset, $"expected {what}, found {Describe(Current)}");

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol))
        {
            throw new ConditionFailure(Current.Offset, $"expected '{symbol}', found {Describe(Current)}");
        }

        Advance();
    }

    private ConditionToken Advance() => tokens[position++];

    private ConditionFailure Unexpected() => new(Current.Offset, $"unexpected {Describe(Current)}");

    private static string Describe(ConditionToken token) =>
        token.Kind == ConditionTokenKind.End ? "end of condition" : $"'{token.Text}'";
}
