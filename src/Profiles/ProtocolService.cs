using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;

namespace Protocol.Profiles;

/// <summary>
/// The library's front door for case-management systems: evaluates a child against a shipped profile
/// (by id) or a compiled one, at an explicit instant or "now" from the injected <see cref="IClock"/>.
/// Thread-safe; register it with <c>services.AddProtocol()</c>.
/// </summary>
public sealed class ProtocolService(ProfileCatalog catalog, IClock clock)
{
    /// <summary>The profiles available.</summary>
    public ProfileCatalog Catalog { get; } = catalog;

    /// <summary>The clock used when no instant is given.</summary>
    public IClock Clock { get; } = clock;

    /// <summary>Evaluates a case against a shipped profile.</summary>
    public Assessment Evaluate(string profileId, ChildCase childCase, Instant? at = null) =>
        Evaluator.Evaluate(Catalog.Get(profileId), childCase, at ?? Clock.GetCurrentInstant());

    /// <summary>Evaluates a case against a compiled profile.</summary>
    public Assessment Evaluate(CompiledProfile profile, ChildCase childCase, Instant? at = null) =>
        Evaluator.Evaluate(profile, childCase, at ?? Clock.GetCurrentInstant());

    /// <summary>Reads a JSON case against a shipped profile (flags, levels and activities checked).</summary>
    public CaseReadResult ReadCase(string profileId, string json) => CaseReader.Read(json, Catalog.Get(profileId));
}
