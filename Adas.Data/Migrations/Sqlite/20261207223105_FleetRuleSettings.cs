using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FleetRuleSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fleet_rule_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FleetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fleet_rule_settings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fleet_rule_settings_fleets_FleetId",
                        column: x => x.FleetId,
                        principalTable: "fleets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_fleet_rule_settings_users_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "users",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_fleet_rule_settings_ChangedById",
                table: "fleet_rule_settings",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_fleet_rule_settings_FleetId_Version",
                table: "fleet_rule_settings",
                columns: new[] { "FleetId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fleet_rule_settings");
        }
    }
}
