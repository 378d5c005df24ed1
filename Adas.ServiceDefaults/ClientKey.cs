using System.Net;
using System.Net.Sockets;

namespace Adas.ServiceDefaults;

/// <summary>
/// The address a client is counted under by rate limits: IPv4 as it is (IPv4-mapped IPv6 as IPv4), IPv6 by its /64,
/// since one subscriber usually holds a whole /64 and could otherwise take a fresh address for every attempt.
/// </summary>
public static class ClientKey
{
    public static IPAddress Of(IPAddress? address)
    {
        if (address is null) return IPAddress.None;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    public static string Text(IPAddress? address) => address is null ? "unknown" : Of(address).ToString();
}
