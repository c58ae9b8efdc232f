package org.cqpsuite.infra;

import java.io.IOException;
import java.nio.file.Path;

/** A component could not start because its TCP port on 127.0.0.1 is already taken. */
public final class PortInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final int port;

    public PortInUseException(String component, int port, Path logFile) {
        super(component + " cannot listen on " + InfraSupport.HOST + ":" + port + ": the port is already in use"
                + (logFile == null ? "" : " (log file: " + logFile.toAbsolutePath() + ")"));
        this.component = component;
        this.port = port;
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }
}
