using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventClips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClipPath",
                table: "safety_events",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_events_OccurredAt",
                table: "safety_events",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_safety_events_Severity_OccurredAt",
                table: "safety_events",
                columns: new[] { "Severity", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_safety_events_OccurredAt",
                table: "safety_events");

            migrationBuilder.DropIndex(
                name: "IX_safety_events_Severity_OccurredAt",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "ClipPath",
                table: "safety_events");
        }
    }
}
