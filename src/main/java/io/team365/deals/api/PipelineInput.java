package io.team365.deals.api;

import io.team365.deals.StageInput;
import java.util.List;

/** The body of a pipeline create: a name and the stages in order (the default pipeline's when left out). */
record PipelineInput(String name, List<StageInput> stages) {}
