using Microsoft.EntityFrameworkCore;

namespace Adas.Data;

public sealed class SqliteAdasDbContext(DbContextOptions<SqliteAdasDbContext> options) : AdasDbContext(options);

public sealed class SqlServerAdasDbContext(DbContextOptions<SqlServerAdasDbContext> options) : AdasDbContext(options);
