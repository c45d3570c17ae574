package io.liqvol.gateway;

import io.liqvol.gateway.server.ServerConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar liqvol.jar [--simulate] [--flag value ...]}: starts the gateway, prints one line
 * {@code liqvol listening on http://HOST:PORT} once it serves, and shuts down gracefully on SIGTERM/SIGINT.
 * Invalid configuration: a message on stderr and exit code 2. {@code java -jar liqvol.jar import
 * [--data-dir DIR] FILE...} loads Binance liquidationSnapshot files into the journal instead; {@code java -jar
 * liqvol.jar edge --from HOST:PORT ...} runs an edge that follows recorders instead of an exchange.
 */
public final class Main
{
    static final int EXIT_USAGE = 2;
    private static final String IMPORT = "import";
    private static final String EDGE = "edge";

    private Main()
    {
    }

    /** {@code import [--data-dir DIR] FILE...}: settings as for the gateway, the other arguments are files. */
    private static int importFiles(final String[] args)
    {
        final List<String> flags = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--"))
            {
                files.add(args[i]);
                continue;
            }
            flags.add(args[i]);
            if (!args[i].contains("=") && !args[i].equals("--simulate") && i + 1 < args.length)
            {
                flags.add(args[++i]);
            }
        }
        try
        {
            final GatewayConfig config = GatewayConfig.parse(flags.toArray(new String[0]), System.getenv());
            return ImportCommand.run(config.engineContext().dataDir(), files, System.out);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("liqvol: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    public static void main(final String[] args) throws InterruptedException
    {
        if (args.length > 0 && args[0].equals(IMPORT))
        {
            System.exit(importFiles(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        final boolean edge = args.length > 0 && args[0].equals(EDGE);
        final GatewayConfig config;
        try
        {
            config = edge
                ? GatewayConfig.parseEdge(Arrays.copyOfRange(args, 1, args.length), System.getenv())
                : GatewayConfig.parse(args, System.getenv());
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
        catch (final Exception e)
        {
            // Netty throws a port in use as an undeclared BindException, hence Exception, not RuntimeException.
            final ServerConfig server = config.serverConfig();
            System.err.println("liqvol: could not start on " + server.host() + ":" + server.port() + ": " + e);
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
        System.out.println("liqvol listening on " + gateway.scheme() + "://" + gateway.host() + ":" + gateway.port());
        if (gateway.adminPort() >= 0)
        {
            System.out.println("liqvol admin port " + gateway.adminPort() + " (/metrics, /health)");
        }
        System.out.flush();
        stopped.await();
    }
}
