using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SolarDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryLoadedFromAndTariffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "HistoryLoadedFrom",
                table: "Plants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlantTariffs",
                columns: table => new
                {
                    PlantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    FlatPricePerKwh = table.Column<decimal>(type: "TEXT", nullable: true),
                    ImportPricePerKwh = table.Column<decimal>(type: "TEXT", nullable: true),
                    ExportPricePerKwh = table.Column<decimal>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlantTariffs", x => x.PlantId);
                    table.ForeignKey(
                        name: "FK_PlantTariffs_Plants_PlantId",
                        column: x => x.PlantId,
                        principalTable: "Plants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlantTariffs");

            migrationBuilder.DropColumn(
                name: "HistoryLoadedFrom",
                table: "Plants");
        }
    }
}
