using Microsoft.Extensions.Options;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The DataAnnotations rules of <see cref="SaltoIntegrationOptions"/> and everything under it, checked by
/// generated code (no reflection, so trimming- and AOT-safe). <see cref="SaltoIntegrationOptionsValidator"/>
/// runs it and adds the rules that span several keys.
/// </summary>
[OptionsValidator]
internal sealed partial class SaltoIntegrationOptionsAnnotations : IValidateOptions<SaltoIntegrationOptions>;
