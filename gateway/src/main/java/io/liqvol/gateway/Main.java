package io.liqvol.gateway;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar liqvol.jar [--simulate] [--flag value ...]}: starts the gateway, prints one line
 * {@code liqvol listening on http://HOST:PORT} once it serves, and shuts down gracefully on SIGTERM/SIGINT.
 * Invalid configuration: a message on stderr and exit code 2.
 */
public final class Main
{
    static final int EXIT_USAGE = 2;

    private Main()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final GatewayConfig config;
        try
        {
            config = GatewayConfig.parse(args, System.getenv());
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("liqvol: " + e.getMessage());
            System.err.println("Run with --help for the settings.");
            System.exit(EXIT_USAGE);
            return;
        }
        if (config.help())
        {
            System.out.print(GatewayConfig.usage());
            return;
        }
        final Gateway gateway;
        try
        {
            gateway = Gateway.start(config);
        }
        catch (final RuntimeException e)
        {
            System.err.println("liqvol: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                gateway.close();
            }
            finally
            {
                stopped.countDown();
            }
        }, "liqvol-shutdown"));
        System.out.println("liqvol listening on http://" + gateway.host() + ":" + gateway.port());
        System.out.flush();
        stopped.await();
    }
}
