package io.natgrad.spark;

import io.natgrad.core.glm.GlmBlock;
import java.io.Serializable;

/**
 * One partition's GLM rows as a block, or why they could not be made one (a bad value, named by
 * column and row): a task returns the failure rather than throwing it, so that Spark does not retry
 * a deterministic error and the driver reports it as it would in process.
 */
record PartitionBlock(int index, GlmBlock block, String error) implements Serializable {}
