/**
 * Counts what citizens asked and how it went; the dashboard, its CSV and JSON, and the Prometheus counters.
 */
@ApplicationModule(allowedDependencies = {"appointments", "dialogue", "handoff", "knowledge", "nlp", "privacy"})
package org.askonce.analytics;

import org.springframework.modulith.ApplicationModule;
