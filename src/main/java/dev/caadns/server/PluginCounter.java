package dev.caadns.server;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A counter a plugin keeps, which the metrics show as {@code name{label="..."}}, one series per
 * label value; read only when the metrics are scraped.
 */
public record PluginCounter(String name, String help, String label, Supplier<Map<String, Long>> values) {
}
