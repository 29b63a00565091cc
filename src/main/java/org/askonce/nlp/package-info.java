/**
 * Normalisation, traditional to simplified, segmentation, synonyms, pinyin and the intent model.
 */
@ApplicationModule(allowedDependencies = {"knowledge"})
package org.askonce.nlp;

import org.springframework.modulith.ApplicationModule;
