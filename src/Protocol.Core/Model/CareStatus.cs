namespace Protocol.Core.Model;

/// <summary>Where a child lives in relation to the local authority's care.</summary>
public enum CareStatus
{
    /// <summary>Living at home with parents or others with parental responsibility.</summary>
    LivingAtHome,
    /// <summary>Looked after by a local authority (care order or accommodated under s20 Children Act 1989).</summary>
    LookedAfter,
    /// <summary>A care leaver (eligible, relevant or former relevant child).</summary>
    CareLeaver,
}
