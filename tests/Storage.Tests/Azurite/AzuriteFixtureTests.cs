using System.Net;
using System.Net.Sockets;

namespace Reintegration.Storage.Tests.Azurite;

/// <summary>The fixture itself: it fails loudly with Azurite's output and the install hint, and survives a taken port.</summary>
public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Given_no_azurite_installed_When_starting_Then_it_fails_with_the_install_hint()
    {
        var fixture = new AzuriteFixture(Path.Combine(Path.GetTempPath(), "no-such-azurite-" + Guid.NewGuid().ToString("N")));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => fixture.InitializeAsync());

        error.Message.ShouldContain("bash scripts/install-azurite.sh");
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task Given_azurite_exits_at_once_When_starting_Then_the_error_carries_its_stderr_and_exit_code()
    {
        var script = Path.Combine(Path.GetTempPath(), "failing-azurite-" + Guid.NewGuid().ToString("N") + ".sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'cannot open the data folder' >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var fixture = new AzuriteFixture(script);
        try
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(() => fixture.InitializeAsync());

            error.Message.ShouldContain("cannot open the data folder");
            error.Message.ShouldContain("code 3");
            error.Message.ShouldContain("bash scripts/install-azurite.sh");
        }
        finally
        {
            await fixture.DisposeAsync();
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Given_one_of_its_ports_is_taken_When_starting_Then_it_moves_to_free_ports_and_listens()
    {
        var fixture = new AzuriteFixture();
        var taken = fixture.BlobPort;
        using var squatter = new TcpListener(IPAddress.Loopback, taken);
        squatter.Start();
        try
        {
            await fixture.InitializeAsync();

            fixture.BlobPort.ShouldNotBe(taken);
            fixture.IsRunning.ShouldBeTrue();
            (await LoopbackPorts.AcceptsAsync(fixture.TablePort)).ShouldBeTrue();
            fixture.ConnectionString.ShouldContain($"BlobEndpoint=http://127.0.0.1:{fixture.BlobPort}/devstoreaccount1");
        }
        finally
        {
            squatter.Stop();
            await fixture.DisposeAsync();
        }

        fixture.IsRunning.ShouldBeFalse();
        Directory.Exists(fixture.DataFolder).ShouldBeFalse();
    }
}
