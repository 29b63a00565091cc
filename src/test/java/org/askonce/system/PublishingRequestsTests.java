package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests need the publish right: by method and by the last segment of a path under /editor or /api/editor. */
class PublishingRequestsTests {

    private final PublishingRequests publishing = new PublishingRequests();

    private boolean matches(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        return publishing.matches(request);
    }

    @Test
    void publishingAVersionInTheConsoleOrByApiNeedsTheRight() {
        assertThat(matches("POST", "/editor/items/dog-registration/versions/3/publish")).isTrue();
        assertThat(matches("POST", "/api/editor/items/dog-registration/versions/3/publish")).isTrue();
    }

    @Test
    void rollingBackAndImportingNeedTheRight() {
        assertThat(matches("POST", "/editor/items/dog-registration/versions/1/rollback")).isTrue();
        assertThat(matches("POST", "/api/editor/items/dog-registration/versions/1/rollback")).isTrue();
        assertThat(matches("POST", "/editor/import")).isTrue();
        assertThat(matches("POST", "/api/editor/import")).isTrue();
    }

    @Test
    void sendingADraftBackNeedsTheRight() {
        assertThat(matches("POST", "/editor/items/dog-registration/versions/2/return")).isTrue();
        assertThat(matches("POST", "/api/editor/items/dog-registration/versions/2/return")).isTrue();
    }

    @Test
    void retiringALifeEventNeedsTheRightButItsConfirmationPageDoesNot() {
        assertThat(matches("POST", "/editor/events/newborn/retire")).isTrue();
        assertThat(matches("GET", "/editor/events/newborn/retire")).isFalse();
        assertThat(matches("POST", "/editor/events/newborn/save")).isFalse();
    }

    @Test
    void theConfirmationPagesBeforePublishingAreNotThemselvesPublishing() {
        assertThat(matches("GET", "/editor/items/dog-registration/versions/2/publish")).isFalse();
        assertThat(matches("GET", "/editor/items/dog-registration/versions/1/rollback")).isFalse();
    }

    @Test
    void aPageWrittenLaterIsCoveredByItsLastSegment() {
        assertThat(matches("POST", "/editor/lexicon/publish")).isTrue();
        assertThat(matches("POST", "/editor/lexicon/entries/7/rollback")).isTrue();
        assertThat(matches("PUT", "/api/editor/hall-faqs/publish")).isTrue();
    }

    @Test
    void aDisguisedPathIsReadAsSpringMvcMapsIt() {
        assertThat(matches("POST", "/editor/lexicon/publis%68")).isTrue();
        assertThat(matches("POST", "/editor/lexicon/publish/")).isTrue();
        assertThat(matches("POST", "/editor/lexicon/publish;x=1")).isTrue();
        assertThat(matches("POST", "/Editor/Lexicon/PUBLISH")).isTrue();
    }

    @Test
    void readingAndEditingDraftsDoNotNeedTheRight() {
        assertThat(matches("GET", "/editor/lexicon/publish")).isFalse();
        assertThat(matches("HEAD", "/api/editor/import")).isFalse();
        assertThat(matches("POST", "/editor/items/dog-registration/yaml")).isFalse();
        assertThat(matches("POST", "/editor/items/publish-notes")).isFalse();
        assertThat(matches("POST", "/editor/proposals/4/adopt")).isFalse();
        assertThat(matches("POST", "/editor/publish/notes")).isFalse();
    }

    @Test
    void onlyTheEditorConsoleAndItsApiAreConcerned() {
        assertThat(matches("POST", "/console/publish")).isFalse();
        assertThat(matches("POST", "/api/agent/publish")).isFalse();
        assertThat(matches("POST", "/publish")).isFalse();
        assertThat(matches("POST", "/api/publish")).isFalse();
        assertThat(matches("POST", "/editor")).isFalse();
    }

    @Test
    void theContextPathIsNotPartOfThePath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/askonce/editor/lexicon/publish");
        request.setContextPath("/askonce");
        assertThat(publishing.matches(request)).isTrue();
    }
}
