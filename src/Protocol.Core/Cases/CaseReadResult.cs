using Protocol.Core.Model;

namespace Protocol.Core.Cases;

/// <summary>The case read from input, or every problem found in it.</summary>
public sealed record CaseReadResult(ChildCase? Case, IReadOnlyList<CaseError> Errors)
{
    /// <summary>True if the case was read without problems.</summary>
    public bool IsValid => Case is not null && Errors.Count == 0;
}

/// <summary>The caseload read from input, or every problem found in it.</summary>
public sealed record CaseloadReadResult(Caseload? Caseload, IReadOnlyList<CaseError> Errors)
{
    /// <summary>True if the caseload was read without problems.</summary>
    public bool IsValid => Caseload is not null && Errors.Count == 0;
}
