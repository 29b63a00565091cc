import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Prints N signed WeChat query strings, each with its own nonce (WeChat never reuses one; AskOnce
 * refuses a nonce seen with another body as a replay): {@code java SignedQueries.java TOKEN N}.
 */
public class SignedQueries {
    public static void main(String[] args) throws Exception {
        String token = args[0];
        int n = Integer.parseInt(args[1]);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String nonce = "n" + i + "x" + Long.toHexString(System.nanoTime());
            String[] parts = {token, ts, nonce};
            Arrays.sort(parts);
            String sig = HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes()));
            out.append("signature=").append(sig).append("&timestamp=").append(ts).append("&nonce=").append(nonce).append('\n');
            if (out.length() > 1 << 20) {
                System.out.print(out);
                out.setLength(0);
            }
        }
        System.out.print(out);
    }
}
