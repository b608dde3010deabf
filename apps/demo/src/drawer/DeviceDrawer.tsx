import { useId, useState } from 'react'
import { useOnScreen } from '../lib/on-screen'
import { usePreferences } from '../lib/preferences'
import { AppActivation } from './AppActivation'
import { AppRequests } from './AppRequests'
import { AuthenticatorApp } from './AuthenticatorApp'
import { AuthenticatorCodes } from './AuthenticatorCodes'
import { HardwareToken } from './HardwareToken'
import { PhoneInbox } from './PhoneInbox'

/**
 * Stand-ins for the user's own devices, driven by the emulator's control API. Only rendered when
 * the demo runs the built-in emulator (a real CENTAGATE talks to real phones and tokens).
 */
export function DeviceDrawer({ open }: { open: boolean }) {
  const { t } = usePreferences()
  const screen = useOnScreen()
  const [owner, setOwner] = useState(screen.username ?? 'alice')
  const ownerId = useId()

  // Follow whoever is logging in / stepping up (adjusted during render); the field stays editable.
  const [followed, setFollowed] = useState(screen.username)
  if (screen.username !== followed) {
    setFollowed(screen.username)
    if (screen.username) setOwner(screen.username)
  }

  return (
    <aside
      id="device-drawer"
      className="demo-drawer"
      aria-labelledby="drawer-heading"
      hidden={!open}
      data-testid="device-drawer"
    >
      <h2 id="drawer-heading">{t('drawer.title')}</h2>
      <p className="demo-muted">{t('drawer.intro')}</p>
      <div className="demo-field">
        <label htmlFor={ownerId}>{t('drawer.user')}</label>
        <input
          id={ownerId}
          value={owner}
          onChange={(event) => setOwner(event.target.value.trim())}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {open && owner && (
        <>
          <PhoneInbox username={owner} />
          <AppRequests username={owner} />
          <AuthenticatorApp username={owner} />
          <HardwareToken username={owner} />
          <AuthenticatorCodes username={owner} />
          <AppActivation />
        </>
      )}
    </aside>
  )
}
