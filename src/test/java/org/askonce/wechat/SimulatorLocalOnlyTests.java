package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The simulator answers this machine only. */
class SimulatorLocalOnlyTests {

    private static MockHttpServletResponse get(String remoteAddress, String forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/wx/simulator/pushes");
        request.setRemoteAddr(remoteAddress);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SimulatorLocalOnly().doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aRequestFromThisMachineGetsThrough() throws Exception {
        assertThat(get("127.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(get("0:0:0:0:0:0:0:1", null).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestFromAnotherAddressIsRefusedInChinese() throws Exception {
        MockHttpServletResponse response = get("203.0.113.7", null);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).isEqualTo(SimulatorLocalOnly.REFUSED);
    }

    @Test
    void aPrivateNetworkAddressIsNotThisMachine() throws Exception {
        assertThat(get("192.168.1.20", null).getStatus()).isEqualTo(403);
    }

    @Test
    void aRequestThatCameThroughAProxyOnThisMachineIsRefused() throws Exception {
        assertThat(get("127.0.0.1", "203.0.113.7").getStatus()).isEqualTo(403);
    }
}
