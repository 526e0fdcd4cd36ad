package io.referrals.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Every port the stack listens on, all shifted by one offset so that two stacks can run side by side. */
public record Ports(int offset) {
    // PostgreSQL and SMTP listen below 32768, outside Linux's ephemeral range (32768-60999): a port in it can be taken
    // as the source port of any outgoing connection, and was, during a 90 s database outage with clients and services
    // retrying, so PostgreSQL could not listen on its own port when it was started again. (Kafka's ports stay: a
    // KRaft controller's formatted metadata names its listener, and moving it would strand existing data directories.
    // So the stacks that tests and benchmarks start use offsets from 1908 to 6442, which put Kafka above 60999 too: at
    // offset 1500 a CI run once found Kafka's port taken by some outgoing connection.)
    private static final int POSTGRES = 25432;
    private static final int KAFKA = 59092;
    private static final int KAFKA_CONTROLLER = 59093;
    private static final int SMTP = 22525;
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
