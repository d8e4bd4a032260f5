using System.Globalization;
using HandlebarsDotNet;
using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>The one Handlebars environment an engine compiles with: no HTML escaping, our formatting, our helpers.</summary>
internal static class HandlebarsFactory
{
    public static IHandlebars Create()
    {
        var configuration = new HandlebarsConfiguration
        {
            NoEscape = true,
            FormatProvider = CultureInfo.InvariantCulture,

            // Left off on purpose: when on, Handlebars.Net 2.4.3 also throws inside {{#if x}} and for helper
            // arguments, so `default` and `if` could not see an undefined value. Undefined output is caught by
            // ValueFormatter instead, helper arguments by HelperArguments.
            ThrowOnUnresolvedBindingExpression = false,
        };
        configuration.FormatterProviders.Add(new ValueFormatter());
        configuration.CompileTimeConfiguration.Features.Add(new InterpretingCompilerFeature());
        var handlebars = Handlebars.CreateSharedEnvironment(configuration);
        HelperRegistry.RegisterAll(handlebars);
        return handlebars;
    }
}
