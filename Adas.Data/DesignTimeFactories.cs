using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Adas.Data;

// Used by `dotnet ef` only: each provider's migrations are generated from its own context.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAdasDbContext>
{
    public SqliteAdasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAdasDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAdasDbContext>
{
    public SqlServerAdasDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAdasDbContext>()
            .UseSqlServer("Server=localhost;Database=adas;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
