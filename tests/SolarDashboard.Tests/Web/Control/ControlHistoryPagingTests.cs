using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>The history grid pages on the server: one page of the tasks a user may see, and their count.</summary>
public sealed class ControlHistoryPagingTests
{
    [Fact]
    public async Task A_page_holds_only_the_users_tasks_in_order_and_the_count_is_of_all_of_them()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox);
        await using (var db = await h.DbAsync())
        {
            for (var i = 1; i <= 30; i++)
            {
                var task = new ControlTaskRecord { Id = i, SubmittedByName = "Olga", RequestKey = $"k{i}", Summary = $"task {i}", State = ControlTaskState.Finished };
                db.ControlTasks.Add(task);
                db.ControlTaskPlants.Add(new ControlTaskPlant { TaskId = i, PlantId = i % 3, PlantName = $"Plant {i % 3}", PlantCode = "NE", ParametersJson = "{}" });
            }
            await db.SaveChangesAsync();
        }
        var olga = new UserAccess(5, "Olga", AppRoles.Operator, PlantScope.Of([1]));

        var newest = await h.Control.ListAsync(olga, take: 4, skip: 2);
        var oldest = await h.Control.ListAsync(olga, take: 2, oldestFirst: true);

        Assert.Equal([22, 19, 16, 13], newest.Select(v => v.Task.Id));
        Assert.Equal([1, 4], oldest.Select(v => v.Task.Id));
        Assert.Equal(10, await h.Control.CountAsync(olga));
        Assert.Equal(30, await h.Control.CountAsync(new UserAccess(1, "Adam", AppRoles.Admin, PlantScope.All)));
    }
}
