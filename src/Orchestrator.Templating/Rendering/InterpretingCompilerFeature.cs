using System.Linq.Expressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Features;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Makes Handlebars.Net interpret its compiled expression trees instead of emitting a dynamic method for each
/// template part. A run renders most template texts a few times (once per host), so emitting IL and JIT-compiling
/// it (about a millisecond per template, none of it precompiled) cost far more than interpreting ever does.
/// Registered as a feature so it runs after Handlebars' own compiler feature and replaces what that one set.
/// </summary>
internal sealed class InterpretingCompilerFeature : IFeatureFactory, IFeature
{
    public IFeature CreateFeature() => this;

    public void OnCompiling(ICompiledHandlebarsConfiguration configuration) =>
        configuration.ExpressionCompiler = new InterpretingCompiler(configuration.ExpressionMiddlewares);

    public void CompilationCompleted()
    {
        // Nothing is held per compilation.
    }

    private sealed class InterpretingCompiler(IReadOnlyList<IExpressionMiddleware> middlewares) : IExpressionCompiler
    {
        public T Compile<T>(Expression<T> expression)
            where T : class, Delegate
        {
            // The same rewriting Handlebars' default compiler does (closures for constants) before compiling.
            for (var i = 0; i < middlewares.Count; i++)
            {
                expression = middlewares[i].Invoke(expression);
            }

            return expression.Compile(preferInterpretation: true);
        }
    }
}
