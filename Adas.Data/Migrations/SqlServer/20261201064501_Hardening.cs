using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Adas.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FleetId",
                table: "video_jobs",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FleetId",
                table: "safety_events",
                type: "uniqueidentifier",
                nullable: true);

            // Existing rows keep the fleet they were shown in until now: the trip's, else the vehicle's, else the uploader's.
            migrationBuilder.Sql("""
                UPDATE video_jobs SET FleetId = COALESCE(
                    (SELECT t.FleetId FROM trips t WHERE t.Id = video_jobs.TripId),
                    (SELECT v.FleetId FROM vehicles v WHERE v.Id = video_jobs.VehicleId),
                    (SELECT u.FleetId FROM users u WHERE u.Id = video_jobs.OwnerId))
                """);
            migrationBuilder.Sql("UPDATE safety_events SET FleetId = (SELECT j.FleetId FROM video_jobs j WHERE j.Id = safety_events.JobId)");

            migrationBuilder.CreateTable(
                name: "job_deletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VideoType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TripId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FleetId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DeletedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeletedByRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EventCount = table.Column<int>(type: "int", nullable: false),
                    AlertCount = table.Column<int>(type: "int", nullable: false),
                    TrafficSignCount = table.Column<int>(type: "int", nullable: false),
                    DriverStateCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_deletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_video_jobs_FleetId_CreatedAt",
                table: "video_jobs",
                columns: new[] { "FleetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_events_FleetId_OccurredAt",
                table: "safety_events",
                columns: new[] { "FleetId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_FleetId_CreatedAt",
                table: "alerts",
                columns: new[] { "FleetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_job_deletions_DeletedAt",
                table: "job_deletions",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_job_deletions_JobId",
                table: "job_deletions",
                column: "JobId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_deletions");

            migrationBuilder.DropIndex(
                name: "IX_video_jobs_FleetId_CreatedAt",
                table: "video_jobs");

            migrationBuilder.DropIndex(
                name: "IX_safety_events_FleetId_OccurredAt",
                table: "safety_events");

            migrationBuilder.DropIndex(
                name: "IX_alerts_FleetId_CreatedAt",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "FleetId",
                table: "video_jobs");

            migrationBuilder.DropColumn(
                name: "FleetId",
                table: "safety_events");
        }
    }
}
