using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adas.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EventReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CoachedAt",
                table: "safety_events",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoachingNote",
                table: "safety_events",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissReason",
                table: "safety_events",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "safety_events",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "safety_events",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "NotRequired");

            // Events analysed before reviews existed: warnings and criticals join the review queue, info stays out of it.
            // EXEC: the idempotent script compiles each batch before it runs, when the column may not exist yet.
            migrationBuilder.Sql("EXEC('UPDATE safety_events SET ReviewState = ''NeedsReview'' WHERE Severity IN (''Warning'', ''Critical'')')");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "safety_events",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedById",
                table: "safety_events",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "event_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FromState = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ToState = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DismissReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_event_reviews_safety_events_EventId",
                        column: x => x.EventId,
                        principalTable: "safety_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_event_reviews_users_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "users",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_events_FleetId_ReviewState_OccurredAt",
                table: "safety_events",
                columns: new[] { "FleetId", "ReviewState", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_events_ReviewState_OccurredAt",
                table: "safety_events",
                columns: new[] { "ReviewState", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_reviews_ByUserId",
                table: "event_reviews",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_event_reviews_EventId_At",
                table: "event_reviews",
                columns: new[] { "EventId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_reviews");

            migrationBuilder.DropIndex(
                name: "IX_safety_events_FleetId_ReviewState_OccurredAt",
                table: "safety_events");

            migrationBuilder.DropIndex(
                name: "IX_safety_events_ReviewState_OccurredAt",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "CoachedAt",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "CoachingNote",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "DismissReason",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "safety_events");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "safety_events");
        }
    }
}
