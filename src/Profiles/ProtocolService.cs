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

    /// <summary>
    /// Reads and validates a JSON case against a shipped profile (flags, levels and activities checked), for an
    /// evaluation at <paramref name="at"/> (default: the clock's now). A record dated after the clock's now is an error.
    /// </summary>
    public CaseReadResult ReadCase(string profileId, string json, Instant? at = null)
    {
        var now = Clock.GetCurrentInstant();
        return CaseReader.Read(json, Catalog.Get(profileId), at ?? now, now);
    }

    /// <summary>Checks a case built in code against a shipped profile (see <see cref="CaseValidator"/>); empty when it is valid.</summary>
    public IReadOnlyList<CaseError> Validate(string profileId, ChildCase childCase, Instant? at = null)
    {
        var now = Clock.GetCurrentInstant();
        return CaseValidator.Validate(childCase, at ?? now, Catalog.Get(profileId), now);
    }
}
