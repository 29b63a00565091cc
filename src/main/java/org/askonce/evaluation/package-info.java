/**
 * Accuracy over the eval sets, try-it and the learning loop.
 */
@ApplicationModule(allowedDependencies = {"dialogue", "knowledge", "knowledge :: editing", "knowledge :: lexicon", "knowledge :: transfer", "nlp", "privacy", "retrieval"})
package org.askonce.evaluation;

import org.springframework.modulith.ApplicationModule;
