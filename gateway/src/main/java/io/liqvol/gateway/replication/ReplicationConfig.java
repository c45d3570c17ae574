package io.liqvol.gateway.replication;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.liqvol.engine.InvalidSettingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replication over Aeron (docs/API.md §5.2): fluent setters, then {@link #conclude()} validates. A recorder publishes
 * its journal on a UDP stream whose control endpoint is {@link #liveEndpoint()} and records it in an archive that
 * takes requests on {@link #archiveEndpoint()}; an edge follows the recorders {@link #from()} names. The media driver
 * runs embedded unless {@link #embeddedDriver(boolean)} says a standalone one runs at {@link #aeronDir()}.
 */
public final class ReplicationConfig
{
    public static final int DEFAULT_STREAM_ID = 1001;
    public static final int DEFAULT_TERM_LENGTH = 4 << 20;
    public static final int DEFAULT_RECORDER_ID = 1;
    public static final String DEFAULT_LOCAL_HOST = "localhost";
    public static final String ARCHIVE_DIR_NAME = "archive";
    public static final String UDP_CHANNEL = "aeron:udp";
    public static final String IPC_CHANNEL = "aeron:ipc";

    private String archiveEndpoint;
    private String liveEndpoint;
    private final List<String> from = new ArrayList<>();
    private int streamId = DEFAULT_STREAM_ID;
    private int termLength = DEFAULT_TERM_LENGTH;
    private int recorderId = DEFAULT_RECORDER_ID;
    private Path archiveDir;
    private String aeronDir;
    private boolean embeddedDriver = true;
    private String localHost = DEFAULT_LOCAL_HOST;
    private String channel = UDP_CHANNEL;

    /** host:port the recorder's archive takes control requests on (what edges name with --from). */
    public ReplicationConfig archiveEndpoint(final String archiveEndpoint)
    {
        this.archiveEndpoint = archiveEndpoint;
        return this;
    }

    public String archiveEndpoint()
    {
        return archiveEndpoint;
    }

    /** host:port of the live stream's control endpoint; unset: the archive's host, its port + 1. */
    public ReplicationConfig liveEndpoint(final String liveEndpoint)
    {
        this.liveEndpoint = liveEndpoint;
        return this;
    }

    public String liveEndpoint()
    {
        return liveEndpoint;
    }

    /** An edge: the recorders' archive endpoints (host:port, or an Aeron channel with an endpoint). */
    public ReplicationConfig from(final List<String> from)
    {
        this.from.clear();
        this.from.addAll(from);
        return this;
    }

    public List<String> from()
    {
        return from;
    }

    public ReplicationConfig streamId(final int streamId)
    {
        this.streamId = streamId;
        return this;
    }

    public int streamId()
    {
        return streamId;
    }

    /** Of the live stream's terms: a power of 2 from 64 KiB to 1 GiB; the publisher may run 2 terms ahead. */
    public ReplicationConfig termLength(final int termLength)
    {
        this.termLength = termLength;
        return this;
    }

    public int termLength()
    {
        return termLength;
    }

    /** Names this recorder in every message, so edges tell recorders apart; 1 to 2^31 - 1. */
    public ReplicationConfig recorderId(final int recorderId)
    {
        this.recorderId = recorderId;
        return this;
    }

    public int recorderId()
    {
        return recorderId;
    }

    public ReplicationConfig archiveDir(final Path archiveDir)
    {
        this.archiveDir = archiveDir;
        return this;
    }

    public Path archiveDir()
    {
        return archiveDir;
    }

    /** The media driver's directory; unset: a new one in shared memory (embedded driver only). */
    public ReplicationConfig aeronDir(final String aeronDir)
    {
        this.aeronDir = aeronDir;
        return this;
    }

    public String aeronDir()
    {
        return aeronDir;
    }

    /** Whether this process runs the media driver (default) or connects to a standalone one at {@link #aeronDir()}. */
    public ReplicationConfig embeddedDriver(final boolean embeddedDriver)
    {
        this.embeddedDriver = embeddedDriver;
        return this;
    }

    public boolean embeddedDriver()
    {
        return embeddedDriver;
    }

    /** The address this process receives replays, live data and archive responses on. */
    public ReplicationConfig localHost(final String localHost)
    {
        this.localHost = localHost;
        return this;
    }

    public String localHost()
    {
        return localHost;
    }

    /**
     * How an edge reads its recorder's stream: {@link #UDP_CHANNEL} (default; any machine) or {@link #IPC_CHANNEL}
     * (on the recorder's machine, sharing its standalone media driver: replay over IPC, then a spy on the recorder's
     * publication).
     */
    public ReplicationConfig channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    public String channel()
    {
        return channel;
    }

    public boolean ipc()
    {
        return IPC_CHANNEL.equals(channel);
    }

    public boolean isRecorder()
    {
        return archiveEndpoint != null;
    }

    public boolean isEdge()
    {
        return !from.isEmpty();
    }

    /**
     * Validates and fills in what derives from other settings (the live endpoint, an embedded driver's directory).
     * Neither role (no archive endpoint, no --from) is valid: nothing replicates.
     */
    public ReplicationConfig conclude()
    {
        if (isRecorder() && isEdge())
        {
            throw new InvalidSettingException("from", "is for an edge, which records no archive");
        }
        if (archiveEndpoint != null)
        {
            requireEndpoint("replicationArchiveEndpoint", archiveEndpoint);
            if (liveEndpoint == null)
            {
                final int colon = archiveEndpoint.lastIndexOf(':');
                liveEndpoint = archiveEndpoint.substring(0, colon + 1)
                    + (Integer.parseInt(archiveEndpoint.substring(colon + 1)) + 1);
            }
        }
        if (liveEndpoint != null)
        {
            requireEndpoint("replicationLiveEndpoint", liveEndpoint);
        }
        if (isRecorder() && archiveDir == null)
        {
            throw new InvalidSettingException("replicationArchiveDir", "must be set");
        }
        requireDirectory("replicationArchiveDir", archiveDir);
        for (int i = 0; i < from.size(); i++)
        {
            from.set(i, requireEndpoint("from", endpointOf(from.get(i))));
        }
        if (streamId == 0)
        {
            throw new InvalidSettingException("replicationStreamId", "must not be 0");
        }
        if (termLength < 64 << 10 || termLength > 1 << 30 || Integer.bitCount(termLength) != 1)
        {
            throw new InvalidSettingException("replicationTermLength",
                "must be a power of 2 from 65536 to 1073741824, was " + termLength);
        }
        if (recorderId < 1)
        {
            throw new InvalidSettingException("replicationRecorderId", "must be >= 1, was " + recorderId);
        }
        if (aeronDir == null || aeronDir.isBlank())
        {
            if (!embeddedDriver)
            {
                throw new InvalidSettingException("aeronDriver",
                    "standalone needs --aeron-dir, the driver's directory");
            }
            aeronDir = CommonContext.generateRandomDirName();
        }
        requireDirectory("aeronDir", Path.of(aeronDir));
        if (!UDP_CHANNEL.equals(channel) && !IPC_CHANNEL.equals(channel))
        {
            throw new InvalidSettingException("replicationChannel",
                "must be " + UDP_CHANNEL + " or " + IPC_CHANNEL + ", was " + channel);
        }
        if (ipc() && (!isEdge() || embeddedDriver))
        {
            throw new InvalidSettingException("replicationChannel", IPC_CHANNEL
                + " is for an edge sharing its recorder's standalone media driver (--aeron-driver standalone)");
        }
        if (localHost == null || localHost.isBlank())
        {
            throw new InvalidSettingException("replicationLocalHost", "must not be empty");
        }
        return this;
    }

    private static void requireDirectory(final String property, final Path dir)
    {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new InvalidSettingException(property, "is not a directory: " + dir);
        }
    }

    /** host:port from itself or from an Aeron channel's endpoint. */
    private static String endpointOf(final String value)
    {
        if (value.startsWith("aeron:"))
        {
            try
            {
                final String endpoint = ChannelUri.parse(value).get(CommonContext.ENDPOINT_PARAM_NAME);
                return endpoint == null ? "" : endpoint;
            }
            catch (final IllegalArgumentException e)
            {
                throw new InvalidSettingException("from", "is not an Aeron channel: " + value);
            }
        }
        return value;
    }

    private static String requireEndpoint(final String property, final String endpoint)
    {
        final int colon = endpoint.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new InvalidSettingException(property, "must be host:port, was " + endpoint);
        }
        try
        {
            final int port = Integer.parseInt(endpoint.substring(colon + 1));
            if (port < 1 || port > 65_534)
            {
                throw new InvalidSettingException(property, "port must be in [1, 65534], was " + port);
            }
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidSettingException(property, "must be host:port, was " + endpoint);
        }
        return endpoint;
    }
}
