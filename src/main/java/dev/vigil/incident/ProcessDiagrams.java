package dev.vigil.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;
import org.springframework.stereotype.Component;

/**
 * The incident's BPMN diagram as a PNG with its current step highlighted, drawn on the server by
 * Flowable's own generator (the UI has no client bundle to draw BPMN with).
 */
@Component
class ProcessDiagrams {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;

    ProcessDiagrams(RepositoryService repository, RuntimeService runtime, HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
    }

    byte[] png(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new byte[0];
        }
        BpmnModel model = repository.getBpmnModel(instance.getProcessDefinitionId());
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        List<String> active = running ? runtime.getActiveActivityIds(processInstanceId) : List.of("closed");
        try (InputStream png = new DefaultProcessDiagramGenerator().generateDiagram(model, "png", active, List.of(),
                "SansSerif", "SansSerif", "SansSerif", null, 1.0, true)) {
            return png.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
