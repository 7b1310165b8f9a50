namespace ShuzhiKaohe.Core.Organisations;

/// <summary>
/// What <c>org show</c> and the console's details pane show: the organisation, its path from the root, the
/// superior that assesses it (第三条, groupings looked through), how many children it has, its secretary in the year.
/// </summary>
public sealed record OrganisationDetails(
    Organisation Organisation,
    IReadOnlyList<OrganisationRef> Path,
    OrganisationRef? Superior,
    int Children,
    int Year,
    SecretaryOfYear Secretary);
