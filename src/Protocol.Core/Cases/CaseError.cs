namespace Protocol.Core.Cases;

/// <summary>A problem in case data, naming the field (e.g. <c>episodes[0].events[2].at</c>). Never echoes personal details.</summary>
public sealed record CaseError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
