package io.referrals.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Every port the stack listens on, all shifted by one offset so that two stacks can run side by side. */
public record Ports(int offset) {
    private static final int POSTGRES = 55432;
    private static final int KAFKA = 59092;
    private static final int KAFKA_CONTROLLER = 59093;
    private static final int SMTP = 52525;
    private static final int MANAGEMENT_SHIFT = 10_000;

    static int highestBasePort() {
        return KAFKA_CONTROLLER;
    }

    public int postgres() {
        return POSTGRES + offset;
    }

    public int kafka() {
        return KAFKA + offset;
    }

    public int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    public int smtp() {
        return SMTP + offset;
    }

    public int service(ServiceDefinition service) {
        return service.basePort() + offset;
    }

    /** A service's management port (health, metrics, OpenAPI, Swagger UI): its HTTP port + 10000, e.g. 18081. */
    public static int management(int servicePort) {
        return servicePort + MANAGEMENT_SHIFT;
    }

    public int management(ServiceDefinition service) {
        return management(service(service));
    }

    /** Fails early with a useful message, instead of letting a child process die on a busy port. */
    static void requireFree(int port, String user) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StackStartException("Port " + port + " (for " + user + ") is already in use. Stop whatever "
                    + "holds it, or run a second stack with --port-offset N.");
        }
    }
}
