package org.askonce.wechat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The simulator ({@code /wx/simulator} and everything under it: the page, sending, the pushes) answers
 * only requests from this machine: anyone who reaches it can chat as any simulated user and read what
 * was pushed to them. A request from another address, or one that came through a proxy (it carries
 * {@code Forwarded}, {@code X-Forwarded-For} or {@code X-Real-IP}, so a proxy on this machine does not
 * make the world local), is answered 403.
 */
final class SimulatorLocalOnly extends OncePerRequestFilter {

    static final String REFUSED = "微信模拟器只接受本机访问（askonce.wechat.simulator 只用于本机演示和测试）";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (local(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(REFUSED);
    }

    static boolean local(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null || request.getHeader("X-Real-IP") != null) {
            return false;
        }
        String address = request.getRemoteAddr();
        if (address == null || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) { // an address literal, never a name to look up
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
