package io.liqvol.gateway.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A gateway ({@code io.liqvol.gateway.Main}) in a JVM of its own, with the test's class path; stderr to a file. */
public final class LiqvolProcess implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("liqvol listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String baseUrl;

    private LiqvolProcess(final Process process, final String baseUrl)
    {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code Main} with {@code args} and waits until it prints where it listens. */
    public static LiqvolProcess start(final Path stderr, final String... args) throws IOException
    {
        final Process process = java(args).redirectError(stderr.toFile()).start();
        final BufferedReader out =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final String line = out.readLine();
        final Matcher matcher = LISTENING.matcher(line == null ? "" : line);
        if (!matcher.matches())
        {
            process.destroyForcibly();
            throw new IllegalStateException("did not start (" + line + "), see " + stderr);
        }
        return new LiqvolProcess(process, matcher.group(1));
    }

    /** {@code java -cp <the test's class path> io.liqvol.gateway.Main args}, run in the temporary directory. */
    public static ProcessBuilder java(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.liqvol.gateway.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(new File(System.getProperty("java.io.tmpdir")));
    }

    public String baseUrl()
    {
        return baseUrl;
    }

    public HttpResponse<String> get(final String pathAndQuery)
    {
        try
        {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> getJson(final String pathAndQuery)
    {
        return TestJson.object(get(pathAndQuery).body());
    }

    /** SIGKILL, and waits until it is gone. */
    public void kill()
    {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM (a graceful stop), then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close()
    {
        process.destroy();
        if (!awaitExit())
        {
            kill();
        }
    }

    private boolean awaitExit()
    {
        try
        {
            return process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
