package dk.platform.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Kafka as a health component: UP when the cluster answers a describe within 3 s. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminProperties;
    private volatile Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminProperties) {
        super("Kafka health check failed");
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.adminProperties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
        int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes)
                .withDetail("bootstrapServers", adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminProperties);
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
