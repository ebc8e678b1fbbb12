package dev.m365.emulator;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Device codes waiting for a user at the device-login page. */
final class DeviceCodes {

    enum State {
        PENDING,
        APPROVED,
        DECLINED,
        REDEEMED
    }

    static final class Code {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final String tenant;
        final String scope;
        final long expiresAt;
        final long interval;
        volatile State state = State.PENDING;
        volatile Directory.User user;
        volatile long lastPollMillis;

        Code(String deviceCode, String userCode, String clientId, String tenant, String scope, long expiresAt,
                long interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.tenant = tenant;
            this.scope = scope;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Map<String, Code> byDevice = new ConcurrentHashMap<>();
    private final List<Code> issued = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();

    Code create(String clientId, String tenant, String scope, long expiresAt, long interval) {
        StringBuilder user = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            user.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String device = "DAQABAAEAAAD" + java.util.HexFormat.of().formatHex(bytes);
        Code code = new Code(device, user.toString(), clientId, tenant, scope, expiresAt, interval);
        byDevice.put(device, code);
        issued.add(code);
        return code;
    }

    void forgetAll() {
        byDevice.clear();
    }

    Optional<Code> byDeviceCode(String deviceCode) {
        return Optional.ofNullable(deviceCode == null ? null : byDevice.get(deviceCode));
    }

    Optional<Code> byUserCode(String userCode) {
        String wanted = userCode == null ? "" : userCode.strip().toUpperCase(java.util.Locale.ROOT);
        return issued.stream().filter(c -> c.userCode.equals(wanted)).findFirst();
    }

    Optional<Code> latestPending() {
        for (int i = issued.size() - 1; i >= 0; i--) {
            if (issued.get(i).state == State.PENDING) {
                return Optional.of(issued.get(i));
            }
        }
        return Optional.empty();
    }
}
