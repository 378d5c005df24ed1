namespace Adas.Api.Features.Users.Delete;

public sealed class Request
{
    public Guid Id { get; set; }
}
