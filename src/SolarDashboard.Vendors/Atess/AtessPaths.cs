namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// The paths of one device family, relative to the API base (<c>…/api/v1/</c>). Documented: <c>pbd/data-list</c>,
/// <c>bms/buc-base-info/list</c> (BCU keeps the reference's spelling "buc") and <c>hps/data-last</c>; string-type HPS
/// takes the <c>-small</c> forms clients were seen using. The rest follows the form of those.
/// </summary>
internal sealed record AtessPaths(string BaseInfo, string DataList, string DataLast, string Setting)
{
    public string BaseInfoList => BaseInfo + "/list";

    public static AtessPaths Of(AtessFamily family) => family switch
    {
        AtessFamily.HpsCentral => new("hps/base-info", "hps/data-list", "hps/data-last", "hps/setting"),
        AtessFamily.HpsString => new("hps/base-info-small", "hps/data-list-small", "hps/data-last-small", "hps/setting-small"),
        AtessFamily.Pcs => new("pcs/base-info", "pcs/data-list", "pcs/data-last", "pcs/setting"),
        AtessFamily.Pbd => new("pbd/base-info", "pbd/data-list", "pbd/data-last", "pbd/setting"),
        AtessFamily.Bcu => new("bms/buc-base-info", "bms/buc-data-list", "bms/buc-data-last", "bms/buc-setting"),
        _ => new("bms/mbms-base-info", "bms/mbms-data-list", "bms/mbms-data-last", "bms/mbms-setting"),
    };
}
