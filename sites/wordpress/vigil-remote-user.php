<?php
/**
 * Plugin Name: Vigil sign-in through the web server
 * Description: Signs people in to WordPress as the user Apache httpd's mod_auth_openidc signed in through Vigil
 *              (REMOTE_USER), creating their WordPress account from the preferred_username and email claims on
 *              their first visit.
 * Version:     1.0.0
 * License:     Apache-2.0
 *
 * A must-use plugin: copy this file into wp-content/mu-plugins/. Use it only on a site whose pages are all behind
 * mod_auth_openidc (docs/sites.md, "WordPress behind mod_auth_openidc"), configured with
 *   OIDCRemoteUserClaim preferred_username
 *   OIDCPassClaimsAs environment
 * so that REMOTE_USER and OIDC_CLAIM_email are set by the web server, never by the browser. Apache decides who may
 * see what (for /wp-admin: acr_values=2 and "Require claim acr:2"); this plugin only tells WordPress who it is.
 */

defined( 'ABSPATH' ) || exit;

// Before wp-admin's auth_redirect() and any template: WordPress must know the user from the first request on.
add_action( 'init', 'vigil_sign_in_remote_user', 0 );

// wp_set_auth_cookie() only sends the cookies; this request must see them too, or wp-admin sends it to wp-login.php.
add_action(
	'set_auth_cookie',
	function ( $cookie, $expire, $expiration, $user_id, $scheme ) {
		$_COOKIE[ 'secure_auth' === $scheme ? SECURE_AUTH_COOKIE : AUTH_COOKIE ] = $cookie;
	},
	10,
	5
);
add_action(
	'set_logged_in_cookie',
	function ( $cookie ) {
		$_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
	}
);

/** Makes the web server's user WordPress's current user, with WordPress's own login cookies. */
function vigil_sign_in_remote_user() {
	$login = vigil_server_value( 'REMOTE_USER' );
	if ( '' === $login ) {
		return; // Not behind mod_auth_openidc: WordPress's own login applies.
	}
	$user = get_user_by( 'login', $login );
	if ( ! $user ) {
		$user = vigil_create_remote_user( $login );
	}
	if ( get_current_user_id() === $user->ID ) {
		return;
	}
	wp_set_current_user( $user->ID );
	// A session cookie: the web server's session (and so Vigil's) decides how long the user stays signed in.
	wp_set_auth_cookie( $user->ID, false, is_ssl() );
}

/** A WordPress account for someone Vigil signed in for the first time, with the site's default role. */
function vigil_create_remote_user( $login ) {
	$email   = vigil_server_value( 'OIDC_CLAIM_email' );
	$user_id = wp_insert_user(
		array(
			'user_login'   => $login,
			'user_email'   => $email,
			'first_name'   => vigil_server_value( 'OIDC_CLAIM_given_name' ),
			'last_name'    => vigil_server_value( 'OIDC_CLAIM_family_name' ),
			'display_name' => $login,
			// Nobody knows it: WordPress's password login is never the way in.
			'user_pass'    => wp_generate_password( 64, true, true ),
			'role'         => get_option( 'default_role' ),
		)
	);
	if ( is_wp_error( $user_id ) ) {
		// E.g. another account already has this e-mail address: an administrator must link them by hand.
		wp_die(
			esc_html__( 'Your account could not be created on this site. Please contact its administrator.', 'vigil' ),
			esc_html__( 'Sign-in failed', 'vigil' ),
			array( 'response' => 403 )
		);
	}
	return get_user_by( 'id', $user_id );
}

/** A value the web server set for this request ('' when absent), as mod_php passes it in $_SERVER. */
function vigil_server_value( $name ) {
	return isset( $_SERVER[ $name ] ) ? trim( (string) $_SERVER[ $name ] ) : '';
}
