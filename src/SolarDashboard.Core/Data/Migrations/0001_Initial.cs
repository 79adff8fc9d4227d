using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SolarDashboard.Core.Data.Migrations;

/// <summary>
/// Written by hand: the EF Core design-time package is not in this machine's package feed, so there is no
/// <c>dotnet ef migrations add</c>. Each migration states its schema explicitly; a test compares it with the model.
/// </summary>
[DbContext(typeof(SolarDbContext))]
[Migration("0001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Connections",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Vendor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                AuthMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                BaseUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ProtectedSecret = table.Column<string>(type: "TEXT", nullable: true),
                State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                LastError = table.Column<string>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Connections", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Connections");
}
