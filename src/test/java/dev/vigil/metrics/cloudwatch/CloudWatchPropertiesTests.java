package dev.vigil.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vigil.metrics.SampleSink;
import dev.vigil.metrics.cloudwatch.CloudWatchProperties.Query;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Binding, defaults and validation of {@code vigil.cloudwatch.*}. */
class CloudWatchPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CloudWatchConfiguration.class)
            .withBean(SampleSink.class, () -> samples -> samples.size())
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("vigil.cloudwatch.enabled=true",
                    "vigil.cloudwatch.queries[0].namespace=AWS/EC2",
                    "vigil.cloudwatch.queries[0].metric=CPUUtilization",
                    "vigil.cloudwatch.queries[0].statistic=Average");

    @ParameterizedTest
    @CsvSource({
            "AWS/EC2,              CPUUtilization,           aws.aws_ec2.CPUUtilization",
            "AWS/ApplicationELB,   HTTPCode_Target_5XX_Count, aws.aws_applicationelb.HTTPCode_Target_5XX_Count",
            "My-App/Orders,        Orders Placed,            aws.my_app_orders.Orders_Placed",
            "Custom.Shop:Checkout, latency#ms,               aws.custom.shop:checkout.latency_ms"})
    void derivesAVigilMetricNameFromNamespaceAndMetric(String namespace, String metric, String expected) {
        assertThat(Query.derivedName(namespace, metric)).isEqualTo(expected).matches(CloudWatchProperties.METRIC_NAME);
    }

    @ParameterizedTest
    @CsvSource({
            "InstanceId,   InstanceId",
            "Cluster-Name, Cluster_Name",
            "a.b/c d,      a_b_c_d",
            "3rdParty,     _3rdParty"})
    void turnsDimensionNamesIntoLabelNames(String dimension, String expected) {
        assertThat(Query.labelName(dimension)).isEqualTo(expected).matches("[a-zA-Z_][a-zA-Z0-9_]*");
    }

    @Test
    void fillsInDefaultsAndKeepsDimensionNamesAsWritten() {
        runner.withPropertyValues("vigil.cloudwatch.queries[0].dimensions.InstanceId=i-0abc",
                "vigil.cloudwatch.queries[0].dimensions[Cluster-Name]=blue").run(context -> {
                    assertThat(context).hasNotFailed();
                    CloudWatchProperties properties = context.getBean(CloudWatchProperties.class);
                    assertThat(properties.region()).isEqualTo("us-east-1");
                    assertThat(properties.endpoint()).isNull();
                    assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.lookback()).isEqualTo(Duration.ofMinutes(10));
                    Query query = properties.queries().getFirst();
                    assertThat(query.period()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(query.name()).isEqualTo("aws.aws_ec2.CPUUtilization");
                    assertThat(query.dimensions()).isEqualTo(Map.of("InstanceId", "i-0abc", "Cluster-Name", "blue"));
                });
    }

    @Test
    void bindsAnExplicitEndpointRegionAndName() {
        runner.withPropertyValues("vigil.cloudwatch.endpoint=http://localhost:4566",
                "vigil.cloudwatch.region=eu-central-1",
                "vigil.cloudwatch.queries[0].name=ec2.cpu",
                "vigil.cloudwatch.queries[0].period=PT5M").run(context -> {
                    CloudWatchProperties properties = context.getBean(CloudWatchProperties.class);
                    assertThat(properties.endpoint()).isEqualTo(URI.create("http://localhost:4566"));
                    assertThat(properties.region()).isEqualTo("eu-central-1");
                    assertThat(properties.queries().getFirst().name()).isEqualTo("ec2.cpu");
                    assertThat(properties.queries().getFirst().period()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vigil.cloudwatch.queries[0].statistic=Median                   | statistic",
            "vigil.cloudwatch.queries[0].statistic=p101                     | statistic",
            "vigil.cloudwatch.queries[0].period=PT45S                       | periodSupported",
            "vigil.cloudwatch.queries[0].period=PT0S                        | period",
            "vigil.cloudwatch.queries[0].name=1cpu                          | name",
            "vigil.cloudwatch.queries[0].namespace=                         | namespace",
            "vigil.cloudwatch.queries[0].dimensions[statistic]=x            | labelNamesDistinct",
            "vigil.cloudwatch.queries[0].dimensions[a-b]=x,vigil.cloudwatch.queries[0].dimensions[a_b]=y | labelNamesDistinct",
            "vigil.cloudwatch.interval=PT0S                                 | interval",
            "vigil.cloudwatch.lookback=PT1M,vigil.cloudwatch.queries[0].period=PT5M | lookbackCoveringEveryPeriod"})
    void refusesToStartWithAnInvalidQuery(String properties, String field) {
        runner.withPropertyValues(properties.trim().split(",")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(field.trim());
        });
    }
}
