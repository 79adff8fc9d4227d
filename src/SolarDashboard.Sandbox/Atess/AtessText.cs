using System.Globalization;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>The messages of the simulated cloud in the languages it honours through <c>Accept-Language</c> (English by default, Chinese).</summary>
internal static class AtessText
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new()
    {
        ["ok"] = ("operate successfully", "操作成功"),
        ["noAccess"] = ("No access", "无访问权限"),
        ["noAuthorization"] = ("No access: the Authorization header must be Basic base64(accountId:apiKey)", "无访问权限：Authorization 须为 Basic base64(accountId:apiKey)"),
        ["notFound"] = ("not found: {0}", "未找到：{0}"),
        ["frequency"] = ("The frequency of acquisition is once every 5 minutes; try again in {0} s", "获取频率为每5分钟一次，请{0}秒后再试"),
        ["required"] = ("{0} is required", "{0}不能为空"),
        ["badDate"] = ("{0} must be yyyy-MM-dd HH:mm:ss", "{0}的格式须为 yyyy-MM-dd HH:mm:ss"),
        ["badNumber"] = ("{0} must be a whole number", "{0}须为整数"),
        ["dateOrder"] = ("endDate must not be before startDate", "endDate 不能早于 startDate"),
        ["pageSize"] = ("pageSize must be between 1 and {0}", "pageSize 须在1到{0}之间"),
        ["pageNo"] = ("pageNo must be 1 or more", "pageNo 须大于等于1"),
        ["badJson"] = ("the request body must be a JSON object", "请求体须为 JSON 对象"),
        ["unknownSetting"] = ("{0} is not a setting of this device", "{0}不是该设备的设置项"),
        ["notANumber"] = ("{0} must be a number", "{0}须为数字"),
        ["notAnInteger"] = ("{0} must be a whole number", "{0}须为整数"),
        ["outOfRange"] = ("{0} must be between {1} and {2} (got {3})", "{0}须在{1}到{2}之间（收到{3}）"),
        ["mustBeAbove"] = ("{0} must be above {1}", "{0}须大于{1}"),
        ["noGenerator"] = ("no generator is connected to this system", "该系统未接发电机"),
        ["noChanges"] = ("no setting to change", "没有要修改的设置"),
        ["badField"] = ("{0} is invalid: {1}", "{0}无效：{1}"),
        ["dataLogBound"] = ("the datalog {0} already belongs to a plant", "数据采集器{0}已属于某电站"),
        ["plantHasDataLogs"] = ("the time zone and location cannot change while the plant has datalogs", "电站有数据采集器时不能修改时区和位置"),
    };

    /// <summary>"zh" for a Chinese first choice in Accept-Language, otherwise "en".</summary>
    public static string Language(string? acceptLanguage)
    {
        var first = (acceptLanguage ?? "").Split(',')[0].Split(';')[0].Trim();
        return first.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
    }

    public static string Format(string language, string key, params object[] args)
    {
        var (en, zh) = Texts[key];
        return string.Format(CultureInfo.InvariantCulture, language == "zh" ? zh : en, args);
    }
}
