package dev.vigil.metrics.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.vigil.metrics.SampleSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** What exists when CloudWatch is on, and what is cleaned up when it is off. */
class CloudWatchConfigurationTests {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CloudWatchConfiguration.class, DisabledCloudWatchPull.class)
            .withBean(SampleSink.class, () -> samples -> samples.size())
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(Scheduler.class, () -> scheduler);

    @Test
    void isOffByDefaultAndThenRemovesAPullJobLeftInTheStore() throws SchedulerException {
        runner.run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(CloudWatchClient.class)
                    .doesNotHaveBean(CloudWatchPuller.class)
                    .doesNotHaveBean(JobDetail.class)
                    .doesNotHaveBean(CloudWatchProperties.class);
        });
        verify(scheduler).deleteJob(CloudWatchPullJob.KEY);
    }

    @Test
    void whenEnabledPullsOnTheConfiguredIntervalAndKeepsItsJob() throws SchedulerException {
        runner.withPropertyValues("vigil.cloudwatch.enabled=true", "vigil.cloudwatch.interval=PT30S",
                "vigil.cloudwatch.endpoint=http://127.0.0.1:1").run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(CloudWatchClient.class)
                            .hasSingleBean(CloudWatchPuller.class)
                            .doesNotHaveBean(DisabledCloudWatchPull.class);
                    assertThat(context.getBean(JobDetail.class).getKey()).isEqualTo(CloudWatchPullJob.KEY);
                    assertThat(context.getBean(JobDetail.class).getJobClass()).isEqualTo(CloudWatchPullJob.class);
                    Trigger trigger = context.getBean(Trigger.class);
                    assertThat(trigger.getJobKey()).isEqualTo(CloudWatchPullJob.KEY);
                    assertThat(((SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(30_000);
                    assertThat(trigger.getMisfireInstruction())
                            .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
                });
        verify(scheduler, never()).deleteJob(CloudWatchPullJob.KEY);
    }
}
