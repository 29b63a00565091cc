package org.askonce.knowledge;

/**
 * Told how an import goes, for large files (the provincial catalogue has thousands of items): lines
 * or rows read, then items stored. Called on the importing thread; must be cheap.
 */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** {@code lines} lines (or rows) of the file read and checked so far. */
    default void read(int lines) {
    }

    /** {@code done} of {@code total} items stored. */
    default void stored(int done, int total) {
    }

    /** Something the importer should know once it is done (the import went ahead), in Chinese. */
    default void notice(String message) {
    }
}
